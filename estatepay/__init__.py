"""estatepay: multi-tenant GraphQL payments backend for residential estates."""
