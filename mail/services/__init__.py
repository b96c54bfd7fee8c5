"""Mail writes: settings (settings.py), sending (outbox.py), receiving (inbound.py)."""
