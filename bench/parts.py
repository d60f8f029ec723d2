"""The blind parts of the labeled sets, oldest first; the last is the one never tuned on."""

BLIND_PARTS = ("blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8")
# The newest blind part; move on to a fresh one once this is studied.
UNTUNED = BLIND_PARTS[-1]
