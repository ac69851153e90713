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
#include "onewindow/store/WindowSettings.h"

#include <QDir>
#include <QFile>
#include <QImage>

#include <ZXing/ReadBarcode.h>

using namespace ow::receipt;

namespace {

QString dataDirOf(const QHash<QString, QString> &opts)
{
    return opts.value(QStringLiteral("--data-dir"), ow::store::Store::defaultDataDir());
}

// Samples are signed by a demo key in a folder of their own, never the window's keys folder.
QString samplesKeysDir(const QHash<QString, QString> &opts)
{
    return QDir(dataDirOf(opts)).filePath(QStringLiteral("samples/keys"));
}

const QString kSampleKeyId = KeyRing::sampleKeyId(QStringLiteral("330106-W03"));

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
    ow::checklist::Collected collected;
    for (const auto &line : first->materials) {
        const bool bring = kind == DocumentKind::Receipt || kind == DocumentKind::RefusalNotice
            || (kind == DocumentKind::ToleratedNotice && !line.tolerable)
            || (kind == DocumentKind::OneTimeNotice && line.id == QLatin1String("id-card"));
        if (bring)
            collected.insert(line.id, ow::checklist::Received::Original);
    }
    const auto checklist = ow::checklist::ChecklistEngine::evaluate(
        catalog.value(), selection, answers, collected, calendar.value(), today);
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
    auto key = WindowKey::loadOrCreate(samplesKeysDir(o), kSampleKeyId);
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
            o, err, {QStringLiteral("--samples")}))
        return 2;
    if (o.contains(QStringLiteral("--payload")) == o.contains(QStringLiteral("--png"))) {
        err << "usage: onewindow-tool receipt verify (--payload TEXT | --png IMAGE) [--keys KEYS.json | --samples] "
               "[--data-dir DIR]\n";
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
    // What this window trusts: the published ring and its own key (or a given ring file). With
    // --samples, the sample key instead: a sample checks out as a sample, never as genuine.
    ow::Result<KeyRing> ring = KeyRing();
    if (o.contains(QStringLiteral("--samples"))) {
        ring = KeyRing::loadDirectory(samplesKeysDir(o), kSampleKeyId);
    } else if (o.contains(QStringLiteral("--keys"))) {
        ring = KeyRing::load(o.value(QStringLiteral("--keys")));
    } else {
        const auto identity = ow::store::WindowSettings::load(dataDirOf(o));
        const QString ownKeyId =
            identity && identity.value() ? identity.value()->region + u'-' + identity.value()->code : QString();
        ring = KeyRing::loadDirectory(QDir(dataDirOf(o)).filePath(QStringLiteral("keys")), ownKeyId);
    }
    if (!ring) {
        err << ring.error() << '\n';
        return 1;
    }
    if (const auto parsed = QrPayload::parse(text);
        parsed && KeyRing::isDemoKeyId(parsed->keyId) && !o.contains(QStringLiteral("--samples"))) {
        err << "rejected: this is a sample or demo receipt (key " << parsed->keyId << "), not a genuine one\n";
        return 1;
    }
    const auto payload = ring->verify(text);
    if (!payload) {
        err << "rejected: " << payload.error() << '\n';
        return 1;
    }
    if (KeyRing::isDemoKeyId(payload->keyId)) {
        out << "sample (not genuine): case " << payload->caseNumber << ", signed by the sample key " << payload->keyId
            << '\n';
        return 0;
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
            QStringLiteral("Write a document of the built-in demo case, marked 样本 and signed with the sample key "
                           "(DEMO-…, in <data-dir>/samples/keys; never trusted as genuine)."),
            receiptSample},
        {QStringLiteral("receipt verify"),
            QStringLiteral("(--payload TEXT | --png IMAGE) [--keys KEYS.json | --samples] [--data-dir DIR]"),
            QStringLiteral("Check a receipt's QR code offline against the published keys and this window's own key "
                           "(--samples: against the sample key)."),
            receiptVerify},
    };
}
