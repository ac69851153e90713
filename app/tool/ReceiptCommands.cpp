#include "ReceiptCommands.h"

#include "onewindow/catalog/Catalog.h"
#include "onewindow/checklist/ChecklistEngine.h"
#include "onewindow/core/WorkCalendar.h"
#include "onewindow/intake/DocumentBuilder.h"
#include "onewindow/printer/PrinterProfile.h"
#include "onewindow/receipt/EscPosReceipt.h"
#include "onewindow/receipt/KeyRing.h"
#include "onewindow/receipt/PdfRenderer.h"
#include "onewindow/receipt/QrPayload.h"
#include "onewindow/receipt/ReceiptDocument.h"
#include "onewindow/receipt/WindowKey.h"
#include "onewindow/store/Store.h"

#include <QDir>
#include <QFile>
#include <QImage>

#include <ZXing/ReadBarcode.h>

using namespace ow::receipt;

namespace {

// Options of the form --name VALUE; returns false on an unknown option or a missing value.
bool parseOptions(const QStringList &args, const QStringList &known, QHash<QString, QString> &values, QTextStream &err)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (!known.contains(a)) {
            err << "unknown option " << a << '\n';
            return false;
        }
        if (i + 1 >= args.size()) {
            err << a << " needs a value\n";
            return false;
        }
        values.insert(a, args.at(++i));
    }
    return true;
}

QString keysDir(const QHash<QString, QString> &opts)
{
    const QString dataDir = opts.value(QStringLiteral("--data-dir"), ow::store::Store::defaultDataDir());
    return QDir(dataDir).filePath(QStringLiteral("keys"));
}

// The built-in demo case: 开餐馆 for an individual business of 120 m² with cooking fumes, from
// the demo catalogue, through the same checklist engine and document builder as the window.
ow::Result<ReceiptDocument> demoDocument(DocumentKind kind, const WindowKey &key)
{
    using R = ow::Result<ReceiptDocument>;
    const auto catalog = ow::Catalog::load(ow::Catalog::builtinPath());
    if (!catalog)
        return R::failure(catalog.error());
    const auto calendar = ow::WorkCalendar::loadDirectory(QStringLiteral(":/onewindow/calendar"));
    if (!calendar)
        return R::failure(calendar.error());
    const QDate today(2026, 11, 27);
    const bool company = kind == DocumentKind::ToleratedNotice; // the company route has a 容缺 material
    const ow::Answers answers = {
        {QStringLiteral("entity"), company ? QStringLiteral("company") : QStringLiteral("individual")},
        {QStringLiteral("area"), 120.0}, {QStringLiteral("renovation"), false}, {QStringLiteral("fumes"), true},
        {QStringLiteral("signboard"), false}};
    const auto selection = ow::checklist::Selection::ofBundle(QStringLiteral("open-restaurant"));
    auto first =
        ow::checklist::ChecklistEngine::evaluate(catalog.value(), selection, answers, {}, calendar.value(), today);
    if (!first)
        return R::failure(first.error());
    // The clerk marks each material as it comes (an original, or a copy where copies are kept)
    // and records the pieces where the catalogue asks for more than one.
    ow::checklist::Collected collected;
    ow::checklist::Recorded recorded;
    for (const auto &line : first->materials) {
        const bool bring = kind == DocumentKind::Receipt || kind == DocumentKind::RefusalNotice
            || (kind == DocumentKind::ToleratedNotice && !line.tolerable)
            || (kind == DocumentKind::OneTimeNotice && line.id == QLatin1String("id-card"));
        if (!bring || !line.producedBy.isEmpty())
            continue;
        const bool copy = line.mode == ow::AcceptanceMode::TakeCopy;
        collected.insert(line.id, copy ? ow::checklist::Received::Copy : ow::checklist::Received::Original);
        const int pieces = copy ? line.copies : line.originals;
        if (pieces > 1)
            recorded.counts.insert(line.id, pieces);
    }
    const auto checklist = ow::checklist::ChecklistEngine::evaluate(
        catalog.value(), selection, answers, collected, recorded, calendar.value(), today);
    if (!checklist)
        return R::failure(checklist.error());
    const auto applicant = ow::intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明"));
    ow::intake::WindowConfig window;
    window.windowCode = QStringLiteral("W03");
    window.windowName = QStringLiteral("综合窗口 3");
    window.clerk = QStringLiteral("李建华");
    window.office = QStringLiteral("杭州市西湖区行政服务中心");
    window.contact = QStringLiteral("0571-12345");
    ow::intake::DocumentBuilder::Input in;
    in.kind = kind;
    in.caseId = QStringLiteral("0b8f3c1e-5a7d-4e2b-9c61-8d2f4a6b1c30");
    in.caseNumber = QStringLiteral("330106-W03-20261127-0001");
    in.applicant = &applicant.value();
    in.checklist = &checklist.value();
    in.promisedDate = calendar->addWorkingDays(today, 5);
    in.refusalReason = QStringLiteral("经营场所位于居民住宅楼内，不符合食品经营许可条件。");
    in.issuedAt = QDateTime(today, QTime(10, 15));
    in.provisional = false;
    return ow::intake::DocumentBuilder::build(in, window, key);
}

int receiptSample(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QHash<QString, QString> o;
    if (!parseOptions(args,
            {QStringLiteral("--kind"), QStringLiteral("--pdf"), QStringLiteral("--escpos"), QStringLiteral("--printer"),
                QStringLiteral("--data-dir")},
            o, err))
        return 2;
    const QHash<QString, DocumentKind> kinds = {{QStringLiteral("receipt"), DocumentKind::Receipt},
        {QStringLiteral("notice"), DocumentKind::OneTimeNotice},
        {QStringLiteral("tolerated"), DocumentKind::ToleratedNotice},
        {QStringLiteral("refusal"), DocumentKind::RefusalNotice}};
    const QString kindName = o.value(QStringLiteral("--kind"), QStringLiteral("receipt"));
    if (!kinds.contains(kindName)
        || (!o.contains(QStringLiteral("--pdf")) && !o.contains(QStringLiteral("--escpos")))) {
        err << "usage: onewindow-tool receipt sample --kind receipt|notice|tolerated|refusal"
               " [--escpos OUT.bin [--printer PROFILE]] [--pdf OUT.pdf] [--data-dir DIR]\n";
        return 2;
    }
    bool knownProfile = true;
    const auto profile = ow::printer::PrinterProfile::byId(
        o.value(QStringLiteral("--printer"), QStringLiteral("generic-58")), &knownProfile);
    if (!knownProfile) {
        err << "unknown printer profile " << o.value(QStringLiteral("--printer")) << '\n';
        return 2;
    }
    auto key = WindowKey::loadOrCreate(keysDir(o), QStringLiteral("330106-W03"));
    if (!key) {
        err << key.error() << '\n';
        return 1;
    }
    const auto built = demoDocument(kinds.value(kindName), key.value());
    if (!built) {
        err << built.error() << '\n';
        return 1;
    }
    const ReceiptDocument &doc = built.value();

    auto write = [&err](const QString &path, const QByteArray &bytes) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
            err << "cannot write " << path << ": " << f.errorString() << '\n';
            return false;
        }
        return true;
    };
    if (o.contains(QStringLiteral("--escpos"))) {
        const auto escpos = EscPosReceipt::bytes(doc, profile);
        if (!escpos) {
            err << escpos.error() << '\n';
            return 1;
        }
        if (!write(o.value(QStringLiteral("--escpos")), escpos.value()))
            return 1;
        out << "wrote " << o.value(QStringLiteral("--escpos")) << " (" << escpos->size() << " bytes, " << profile.name
            << ")\n";
    }
    if (o.contains(QStringLiteral("--pdf"))) {
        const auto pdf = PdfRenderer::render(doc);
        if (!pdf) {
            err << pdf.error() << '\n';
            return 1;
        }
        if (!write(o.value(QStringLiteral("--pdf")), pdf.value()))
            return 1;
        out << "wrote " << o.value(QStringLiteral("--pdf")) << " (" << pdf->size() << " bytes)\n";
    }
    out << "qr: " << doc.qrPayload << '\n';
    return 0;
}

int receiptVerify(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QHash<QString, QString> o;
    if (!parseOptions(args,
            {QStringLiteral("--payload"), QStringLiteral("--png"), QStringLiteral("--keys"),
                QStringLiteral("--data-dir")},
            o, err))
        return 2;
    if (o.contains(QStringLiteral("--payload")) == o.contains(QStringLiteral("--png"))) {
        err << "usage: onewindow-tool receipt verify (--payload TEXT | --png IMAGE) [--keys KEYS.json] [--data-dir "
               "DIR]\n";
        return 2;
    }
    QString text = o.value(QStringLiteral("--payload"));
    if (o.contains(QStringLiteral("--png"))) {
        QImage img(o.value(QStringLiteral("--png")));
        if (img.isNull()) {
            err << "cannot read the image " << o.value(QStringLiteral("--png")) << '\n';
            return 1;
        }
        img = img.convertToFormat(QImage::Format_Grayscale8);
        const ZXing::ImageView view(
            img.constBits(), img.width(), img.height(), ZXing::ImageFormat::Lum, int(img.bytesPerLine()));
        ZXing::DecodeHints hints;
        hints.setFormats(ZXing::BarcodeFormat::QRCode);
        const auto result = ZXing::ReadBarcode(view, hints);
        if (!result.isValid()) {
            err << "forged or unreadable: no QR code found in the image\n";
            return 1;
        }
        text = QString::fromStdString(result.text());
    }
    auto ring = o.contains(QStringLiteral("--keys")) ? KeyRing::load(o.value(QStringLiteral("--keys")))
                                                     : KeyRing::loadDirectory(keysDir(o));
    if (!ring) {
        err << ring.error() << '\n';
        return 1;
    }
    const auto payload = ring->verify(text);
    if (!payload) {
        err << Tool::tr("rejected: %1").arg(payload.error()) << '\n';
        return 1;
    }
    out << "genuine: case " << payload->caseNumber << " (" << payload->caseId << "), issued "
        << payload->issued.toString(Qt::ISODate) << " by window key " << payload->keyId << '\n';
    return 0;
}

} // namespace

CommandList receiptCommands()
{
    return {
        {QStringLiteral("receipt sample"),
            QStringLiteral("--kind receipt|notice|tolerated|refusal [--escpos OUT.bin] [--pdf OUT.pdf]"),
            QStringLiteral("Write a document of the built-in demo case, signed with this window's key."),
            receiptSample},
        {QStringLiteral("receipt verify"), QStringLiteral("(--payload TEXT | --png IMAGE) [--keys KEYS.json]"),
            QStringLiteral("Check a receipt's QR code offline against the known window keys."), receiptVerify},
    };
}
