"""Made-up but realistic LinkedIn data exports, and the demo network built from them.

`DemoNetwork.generate` draws a person's network from a seed; `DemoNetwork.evolve` ages it into a
later export of the same person (new positions, accepted invitations, people gone, people new);
`DemoNetwork.write` writes either as LinkedIn's "Get a copy of your data" archive, with the quirks
of the real thing (a sub-folder, the Connections preamble, a BOM, CRLF, quoted commas and line
breaks, credentials in last names, non-Latin names, emoji, double-encoded UTF-8).

The same archives feed the demo (`load_demo`, behind `make run`) and the benchmark (`make bench`),
so the writer streams rows and never holds the messages in memory. Everything is drawn from
`random.Random` seeded from the seed, so the same seed gives the same bytes.
"""

from hedgerow.network.demo.archive import Changes, DemoNetwork, write_linkedin_archive
from hedgerow.network.demo.load import load_demo

__all__ = ["Changes", "DemoNetwork", "load_demo", "write_linkedin_archive"]
