"""Running: the runtime, its assembly, one source's refresh, the cycle, the daemon, the worker pool, source health."""
