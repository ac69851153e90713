#pragma once

#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace ow::receipt {

// A QR code as a square grid of modules (true = dark), made with ZXing-C++, quiet zone excluded.
class QrMatrix
{
    Q_DECLARE_TR_FUNCTIONS(QrMatrix)

public:
    enum class Ecc { L, M, Q, H };
    static Result<QrMatrix> encode(const QString &text, Ecc ecc = Ecc::M);

    int size() const { return m_size; }
    bool dark(int x, int y) const { return m_modules.at(y * m_size + x); }

private:
    int m_size = 0;
    QList<bool> m_modules;
};

} // namespace ow::receipt
