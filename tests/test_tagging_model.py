"""The optional statistical model path: ADVISORY_BOT_SPACY_MODEL names a model saved by the test itself."""

import spacy

from bot.tagging import Tagger
from bot.tagging.read.nlp import MODEL_ENV


def test_model_from_env_is_loaded_and_used(tmp_path, monkeypatch):
    model = spacy.blank("en")
    ner = model.add_pipe("ner")
    ner.add_label("ORG")
    model.initialize()
    model.to_disk(tmp_path / "tiny")
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "tiny"))

    tagger = Tagger()
    assert tagger.pipelines["en"].pipe_names == ["ner", "dprk_rules"]
    tags = tagger.tag("Kimsuky", "North Korean hackers of Kimsuky phished a university.")
    assert tags.actors == ("Kimsuky",)
    assert tags.sectors == ("think-tanks-academia",)


def test_without_env_the_pipeline_is_blank(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)
    assert Tagger().pipelines["en"].pipe_names == ["dprk_rules"]
