"""The agent console's own application logic, beside the turn service (app.assist.service).

A support team shares one queue: conversations are assigned (``assignment``), carry
internal notes (``notes``), get canned replies with the customer's and order's facts
filled in (``canned``), are found again (``search``) and reopened (``lifecycle``), are
held to service levels (``sla``), show the agent what the shopper saw (``seen``) and who
is typing (``typing``). Agents' answers go out through ``answers`` and feed the knowledge
base (``learning``). Routers stay thin: they call these functions.
"""
