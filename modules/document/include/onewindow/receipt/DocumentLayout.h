#pragma once

#include "onewindow/receipt/ReceiptDocument.h"

#include <QList>
#include <QString>

namespace ow::receipt {

// The document as an ordered list of blocks, with all wording decided here once, so the
// ESC/POS and PDF renderers only decide looks.
struct Block
{
    enum class Type { Title, Field, Heading, Item, Note, Qr, Rule };
    Type type;
    QString label; // Field: the label; Item: the material
    QString text; // Field: the value; Item: how received / why needed; Note: the sentence; Qr: payload
    QString detail; // Item: how to supply
};

class DocumentLayout
{
    Q_DECLARE_TR_FUNCTIONS(DocumentLayout)

public:
    static QList<Block> blocks(const ReceiptDocument &doc);
    // "Hand in by 2026年12月2日星期三." for a 容缺 line: the same words on paper and on screen.
    static QString handInBy(QDate day);
};

} // namespace ow::receipt
