import pytest


@pytest.fixture(scope="session")
def nlp():
    from saidwhat.nlp import load_nlp

    return load_nlp()
