"""Tagged unions of config models: one model per type of source or notifier, chosen by its `type` key.

Rules: a member model narrows `type` to its tag(s) (`type: Literal["rss"]`; one model may serve several tags);
`tagged_union` turns a registry's models into pydantic's discriminated union (`Field(discriminator="type")`),
whose JSON Schema is a `oneOf` with a discriminator mapping. `branches` reads a union back (tag -> model) so
bot.config.yamlfile can word an error in the entry's own terms ("selectors: only for type html, not rss").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, MutableMapping
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Field, create_model
from pydantic.fields import FieldInfo

TAG = "type"  # the key that chooses the model, in sources.yaml and routes.yaml


def tags(model: type[BaseModel]) -> tuple[str, ...]:
    """The tags `model` answers to: the values of its `type: Literal[...]`."""
    annotation = model.model_fields[TAG].annotation
    if get_origin(annotation) is not Literal:
        raise TypeError(f"{model.__name__}.{TAG} must be a Literal of its type names, not {annotation!r}")
    return get_args(annotation)


def file_under(registry: MutableMapping[str, object], entry, model: type[BaseModel], what: str):
    """File `entry` under the tag(s) of its config `model` in `registry`; a tag already taken is a programming
    error. The one registering rule of both extension points: extractors.register and
    bot.notify.kinds.register call it."""
    for tag in tags(model):
        if registry.get(tag, entry) is not entry:
            raise ValueError(f"{what} {tag!r} is registered already")
        registry[tag] = entry
    return entry


@functools.cache
def file_model(
    base: type[BaseModel], name: str, doc: str, key: str, members: tuple[type[BaseModel], ...], field: FieldInfo
):
    """(the entry union, `base` with `key` as a list of it): a config file's model for the types registered now,
    built once per set of members."""
    union = tagged_union(members)
    model = create_model(name, __base__=base, __doc__=doc, __module__=base.__module__,
                         **{key: (list[union], field)})  # fmt: skip
    return union, model


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
