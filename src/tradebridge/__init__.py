"""TradeBridge: cross-border trade and investment cooperation between regions."""

__version__ = "0.1.0"
