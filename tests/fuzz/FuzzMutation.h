#pragma once

#include <QByteArray>
#include <QRandomGenerator>

// One seeded random mutation of a fuzz seed (1–4 edits: overwrite, insert or truncate), for the
// corpus replay tests that run the fuzz targets' bodies in builds without libFuzzer.
inline QByteArray mutateFuzzSeed(QByteArray m, QRandomGenerator &rng)
{
    const int edits = 1 + int(rng.bounded(4));
    for (int e = 0; e < edits; ++e) {
        const int pos = int(rng.bounded(int(m.size()) + 1));
        switch (rng.bounded(3)) {
        case 0:
            if (pos < m.size())
                m[pos] = char(rng.bounded(256));
            break;
        case 1: m.insert(pos, char(rng.bounded(256))); break;
        default: m.truncate(pos); break;
        }
    }
    return m;
}
