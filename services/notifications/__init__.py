"""Notifications to people: in-app now; email and SMS channels come with the workers."""
