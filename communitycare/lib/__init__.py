"""Helpers shared by the apps that are not apps themselves."""
