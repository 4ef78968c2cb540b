"""The archive's web UI: Datasette over the live archive, read-only, with our metadata and two small plugins.

`app.build(db_path)` makes the Datasette instance; `metadata.py` holds titles, facets and canned queries as
data; `plugins/` holds the SQL function and facet type the metadata uses.
"""
