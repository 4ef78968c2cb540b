"""A test add-on encoder (ADVISORY_BOT_ENCODER=tests.crashy_encoder.Crashy) that dies or hangs on marked texts,
as native code fed hostile input might: the service must lose only that document."""

import os
import time

import numpy as np


class Crashy:
    name = "crashy"

    def __init__(self, model: str = "", threads: int | None = None):
        pass

    def encode(self, texts):
        for text in texts:
            if "CRASH" in text:
                os.abort()  # like a segmentation fault: no exception, no answer
            if "HANG" in text:
                time.sleep(3600)
        out = np.zeros((len(texts), 4), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i, len(text) % 4] = 1.0
        return out
