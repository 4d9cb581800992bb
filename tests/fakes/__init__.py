"""Fakes at the LLM seam, one home for every test area.

The drafting, LLM and judge tests all need a chat model that answers from a script and
shows what it was asked; keeping one such model here means a change to how langchain calls
chat models is fixed once, not three times. Import the modules (``fakes.chat_models``,
``fakes.personalization``): ``tests/`` is on ``sys.path`` through its root conftest.
"""
