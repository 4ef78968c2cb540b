"""Tagged unions of config models: one model per type of source or notifier, chosen by its `type` key.

Rules: a member model narrows `type` to its tag(s) (`type: Literal["rss"]`; one model may serve several tags);
`tagged_union` turns a registry's models into pydantic's discriminated union (`Field(discriminator="type")`),
whose JSON Schema is a `oneOf` with a discriminator mapping. `branches` reads a union back (tag -> model) so
bot.config.yamlfile can word an error in the entry's own terms ("selectors: only for type html, not rss").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Field
from pydantic.fields import FieldInfo

TAG = "type"  # the key that chooses the model, in sources.yaml and routes.yaml


def tags(model: type[BaseModel]) -> tuple[str, ...]:
    """The tags `model` answers to: the values of its `type: Literal[...]`."""
    annotation = model.model_fields[TAG].annotation
    if get_origin(annotation) is not Literal:
        raise TypeError(f"{model.__name__}.{TAG} must be a Literal of its type names, not {annotation!r}")
    return get_args(annotation)


def tagged_union(models: Iterable[type[BaseModel]]):
    """`Annotated[Union[models], Field(discriminator="type")]` (a single model as itself)."""
    members = tuple(dict.fromkeys(models))
    if len(members) == 1:
        return members[0]
    return Annotated[Union[members], Field(discriminator=TAG)]  # noqa: UP007 - a runtime tuple of types


def branches(annotation) -> dict[str, type[BaseModel]]:
    """tag -> model of a tagged union found in `annotation` (list[...], X | None ...); {} if there is none."""
    if get_origin(annotation) is Annotated:
        inner, *meta = get_args(annotation)
        if any(isinstance(m, FieldInfo) and m.discriminator == TAG for m in meta):
            return {tag: model for model in get_args(inner) for tag in tags(model)}
        return branches(inner)
    for arg in get_args(annotation):
        found = branches(arg)
        if found:
            return found
    return {}
