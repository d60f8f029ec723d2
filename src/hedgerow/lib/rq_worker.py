"""RQ's worker, stopping in a second instead of a minute.

RQ listens on its control channel in a thread that waits up to 60 s for each message, and stops
it with redis-py's `stop()`, which (in the redis-py 8 we pin) waits for that wait to end:
`hedgerow worker --once` sat idle for a minute after its last job, and a worker told to stop
(by systemd, or by the server it belongs to) held on as long. The channel only carries RQ's own
commands (stop a job, shut down), so listening in one-second waits costs nothing.
"""

from __future__ import annotations

from rq.worker import Worker as RQWorker

LISTEN_SECONDS = 1.0


class Worker(RQWorker):
    def subscribe(self) -> None:
        self.pubsub = self.connection.pubsub()
        self.pubsub.subscribe(**{self.pubsub_channel_name: self.handle_payload})
        self.pubsub_thread = self.pubsub.run_in_thread(  # type: ignore[assignment]
            sleep_time=LISTEN_SECONDS,
            daemon=True,
            exception_handler=self._pubsub_exception_handler,
        )
