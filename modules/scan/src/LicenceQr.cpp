#include "onewindow/scan/LicenceQr.h"

#include <QRegularExpression>
#include <QUrl>

namespace ow::scan {

Result<LicenceQr> LicenceQr::parse(const QString &text)
{
    if (text.size() > 4096)
        return Result<LicenceQr>::failure(tr("This is not a business licence code."));
    const QString upper = text.toUpper();
    // Runs of letters and digits; an 18-character one may be the code.
    static const QRegularExpression run(QStringLiteral("[0-9A-Z]+"));
    QString code;
    for (auto it = run.globalMatch(upper); it.hasNext();) {
        const QString candidate = it.next().captured();
        if (candidate.size() != 18)
            continue;
        const auto parsed = CreditCode::parse(candidate);
        if (parsed) {
            code = parsed->code();
            break;
        }
    }
    if (code.isEmpty())
        return Result<LicenceQr>::failure(tr("This code holds no valid unified social credit code (GB 32100)."));
    LicenceQr qr;
    qr.creditCode = code;
    static const QRegularExpression nameLine(
        QStringLiteral("(?:企业名称|名称|名\\s*称|entname|name)\\s*[:：=]\\s*([^\\n\\r;；,，&|]+)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = nameLine.match(text);
    if (m.hasMatch()) {
        QString name = m.captured(1).trimmed();
        // In a link (…?uniscid=…&entname=%E6%9D%AD…) the name is percent-encoded UTF-8.
        if (name.contains(u'%'))
            name = QUrl::fromPercentEncoding(name.toUtf8()).trimmed();
        qr.name = name.left(200);
    }
    return qr;
}

} // namespace ow::scan
