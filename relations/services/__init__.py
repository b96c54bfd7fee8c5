"""Merges and relations: writes (each on incidents through `incidents.public`)."""
