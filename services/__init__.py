"""The domain: framework-free functions and their Tortoise models."""
