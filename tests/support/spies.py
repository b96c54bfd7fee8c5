"""Count the commands a request sends to one collection, on any store."""


def calls_to(monkeypatch, document, method: str = "find") -> list:
    """A list that receives the arguments of every `method` call on the document's
    collection (the same collection object mongoengine queries through)."""
    collection = document._get_collection()
    calls = []
    original = getattr(collection, method)

    def spy(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(collection, method, spy)
    return calls
