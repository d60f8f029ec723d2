"""`python -m bench [--connections N] [--messages N] [--quick]`."""

from bench.run import main

raise SystemExit(main())
