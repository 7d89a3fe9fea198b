"""The GraphQL schema: types, inputs, roots and extensions."""
