"""A read-only Bloom filter: set membership in a few MB, no false negatives.

The file is ``MAGIC``, the number of hash functions (1 byte), the number of bits
(8 bytes, big-endian), the number of entries (8 bytes) and then the bits. Bit
``i`` is bit ``i % 8`` of byte ``i // 8``. An entry's bits are
``(h1 + j * h2) % bits`` for ``j < hashes``, with ``h1``/``h2`` the two halves of
its 16-byte BLAKE2b digest (Kirsch–Mitzenmacher double hashing). ``tools/
build_common_passwords.py`` writes such a file with :func:`build`.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable, Iterator
from typing import Final

__all__ = ["MAGIC", "BloomFilter", "build"]

MAGIC: Final = b"VICBLOOM1\n"
_HEADER: Final = struct.Struct(">BQQ")


class BloomFilterError(ValueError):
    """The bytes are not a Bloom filter of this format."""


def _positions(key: str, hashes: int, bits: int) -> Iterator[int]:
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
    h1 = int.from_bytes(digest[:8], "big")
    h2 = int.from_bytes(digest[8:], "big") | 1
    for j in range(hashes):
        yield (h1 + j * h2) % bits


class BloomFilter:
    """Membership of strings; ``key in f`` may rarely be True for a key never added
    (the rate is fixed when the file is built), never False for one that was."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _HEADER.size:
            raise BloomFilterError("not a Bloom filter file")
        self.hashes, self.bits, self.entries = _HEADER.unpack_from(data, len(MAGIC))
        self._bits = memoryview(data)[len(MAGIC) + _HEADER.size :]
        if self.hashes < 1 or self.bits < 8 or len(self._bits) * 8 < self.bits:
            raise BloomFilterError("a damaged Bloom filter file")

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        bits = self._bits
        return all(bits[i >> 3] >> (i & 7) & 1 for i in _positions(key, self.hashes, self.bits))


def build(keys: Iterable[str], count: int, bits_per_key: int, hashes: int) -> bytes:
    """The file's bytes for ``keys`` (``count`` of them, for sizing)."""
    bits = max(8, count * bits_per_key)
    table = bytearray((bits + 7) // 8)
    for key in keys:
        for i in _positions(key, hashes, bits):
            table[i >> 3] |= 1 << (i & 7)
    return MAGIC + _HEADER.pack(hashes, bits, count) + bytes(table)
