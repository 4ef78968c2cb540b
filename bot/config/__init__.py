"""Configuration: sources.yaml and routes.yaml declared as pydantic models, loaded with file:line errors, the schema."""
