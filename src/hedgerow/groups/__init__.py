"""Groups: a coach-guided cohort with peer support (rule G5), the Great Groups assessment (T1)
and leaders who ask (L1)."""
