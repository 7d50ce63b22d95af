"""newskg: a knowledge graph of people, places, organisations and dated events, from news."""

__version__ = "0.1.0"
