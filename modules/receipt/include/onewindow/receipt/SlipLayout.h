#pragma once

#include "onewindow/receipt/DocumentLayout.h"
#include "onewindow/receipt/HandoutSlip.h"

#include <QCoreApplication>
#include <QList>

namespace ow::receipt {

// A hand-out or dispatch slip (HandoutSlip) as the same blocks a receipt is made of, so the
// ESC/POS and PDF renderers print it like the receipt: title, case, who collected (or where it
// was sent), each item given with what was given, the visits, the window and the signed QR.
class SlipLayout
{
    Q_DECLARE_TR_FUNCTIONS(SlipLayout)

public:
    static QList<Block> blocks(const HandoutSlip &slip);
};

} // namespace ow::receipt
