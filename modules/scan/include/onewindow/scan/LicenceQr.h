#pragma once

#include "onewindow/core/CreditCode.h"
#include "onewindow/core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace ow::scan {

// The QR code printed on a business licence (营业执照). Its text differs by year and province: a
// link to the national enterprise credit system with the code as a parameter, or plain text
// with 统一社会信用代码：…, 名称：… lines. The code is any 18-character run of the GB 32100
// alphabet whose check character holds. Pure parser.
struct LicenceQr
{
    Q_DECLARE_TR_FUNCTIONS(LicenceQr)

public:
    QString creditCode; // validated
    QString name; // the company's name when the text carries it

    [[nodiscard]] static Result<LicenceQr> parse(const QString &text);
};

} // namespace ow::scan
