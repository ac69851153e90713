#include "ReceiptCommands.h"

#include "onewindow/i18n/DocumentLanguage.h"

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
#include "onewindow/store/CaseRepository.h"
#include "onewindow/store/Store.h"
#include "onewindow/store/WindowSettings.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>

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
ow::Result<ReceiptDocument> demoDocument(
    DocumentKind kind, const WindowKey &key, bool provisional, const QString &documentLanguage)
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
    ow::intake::WindowConfig window; // in the window's document language, whatever --lang says
    window.documentLanguage = documentLanguage;
    const auto checklist = [&] {
        const ow::i18n::DocumentLanguage onPaper(window.documentLanguage);
        return ow::checklist::ChecklistEngine::evaluate(
            catalog.value(), selection, answers, collected, recorded, calendar.value(), today);
    }();
    if (!checklist)
        return R::failure(checklist.error());
    const auto applicant = ow::intake::Party::person(QStringLiteral("33010619900101123X"), QStringLiteral("王小明"));
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
    in.provisional = provisional;
    return ow::intake::DocumentBuilder::build(in, window, key);
}

int receiptSample(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QHash<QString, QString> o;
    if (!parseOptions(args,
            {QStringLiteral("--kind"), QStringLiteral("--pdf"), QStringLiteral("--json"), QStringLiteral("--escpos"),
                QStringLiteral("--printer"), QStringLiteral("--data-dir")},
            o, err, {QStringLiteral("--provisional")}))
        return 2;
    const QHash<QString, DocumentKind> kinds = {{QStringLiteral("receipt"), DocumentKind::Receipt},
        {QStringLiteral("notice"), DocumentKind::OneTimeNotice},
        {QStringLiteral("tolerated"), DocumentKind::ToleratedNotice},
        {QStringLiteral("refusal"), DocumentKind::RefusalNotice}};
    const QString kindName = o.value(QStringLiteral("--kind"), QStringLiteral("receipt"));
    if (!kinds.contains(kindName)
        || (!o.contains(QStringLiteral("--pdf")) && !o.contains(QStringLiteral("--escpos"))
            && !o.contains(QStringLiteral("--json")))) {
        err << "usage: onewindow-tool receipt sample --kind receipt|notice|tolerated|refusal"
               " [--provisional] [--escpos OUT.bin [--printer PROFILE]] [--pdf OUT.pdf] [--json OUT.json]"
               " [--data-dir DIR]\n";
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
    // Written as the window at --data-dir writes its documents (zh_CN unless it is set otherwise).
    const auto language = ow::store::WindowSettings::documentLanguage(dataDirOf(o));
    if (!language) {
        err << language.error() << '\n';
        return 1;
    }
    const auto built =
        demoDocument(kinds.value(kindName), key.value(), o.contains(QStringLiteral("--provisional")), language.value());
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
    if (o.contains(QStringLiteral("--json"))) {
        if (!write(o.value(QStringLiteral("--json")), QJsonDocument(doc.toJson()).toJson()))
            return 1;
        out << "wrote " << o.value(QStringLiteral("--json")) << " (the decided document)\n";
    }
    out << "qr: " << doc.qrPayload << '\n';
    return 0;
}

int receiptVerify(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QHash<QString, QString> o;
    if (!parseOptions(args,
            {QStringLiteral("--payload"), QStringLiteral("--png"), QStringLiteral("--keys"),
                QStringLiteral("--data-dir"), QStringLiteral("--document")},
            o, err, {QStringLiteral("--samples")}))
        return 2;
    if (o.contains(QStringLiteral("--payload")) == o.contains(QStringLiteral("--png"))) {
        err << "usage: onewindow-tool receipt verify (--payload TEXT | --png IMAGE) [--keys KEYS.json | --samples] "
               "[--data-dir DIR] [--document DOC.json]\n";
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
    const auto checked = ring->check(text);
    if (!checked) {
        err << Tool::tr("rejected: %1").arg(checked.error()) << '\n';
        return 1;
    }
    const std::optional<QrPayload> payload = checked->payload;
    if (KeyRing::isDemoKeyId(payload->keyId)) {
        out << "sample (not genuine): case " << payload->caseNumber << ", signed by the sample key " << payload->keyId
            << '\n';
        return 0;
    }
    out << "genuine: case " << payload->caseNumber << " (" << payload->caseId << "), issued "
        << payload->issued.toString(Qt::ISODate) << " by window key " << payload->keyId;
    if (checked->keyRevokedAt.isValid())
        out << ", signed by key " << payload->keyId << " revoked on "
            << checked->keyRevokedAt.toLocalTime().date().toString(Qt::ISODate)
            << " (the receipt was issued before its revocation)";
    out << '\n';
    out << "it vouches for the document with SHA-256 " << payload->digest.toHex() << '\n';

    // What that document says: from a file, or the decided document kept in this window's store.
    std::optional<ReceiptDocument> doc;
    QString source;
    if (o.contains(QStringLiteral("--document"))) {
        QFile f(o.value(QStringLiteral("--document")));
        if (!f.open(QIODevice::ReadOnly)) {
            err << "cannot read " << f.fileName() << ": " << f.errorString() << '\n';
            return 1;
        }
        auto parsed = ReceiptDocument::fromJson(QJsonDocument::fromJson(f.readAll()).object());
        if (!parsed) {
            err << f.fileName() << ": " << parsed.error() << '\n';
            return 1;
        }
        doc = parsed.value();
        source = f.fileName();
    } else if (o.contains(QStringLiteral("--data-dir"))) {
        auto store = ow::store::Store::open(o.value(QStringLiteral("--data-dir")));
        if (store) {
            const auto notices = ow::store::CaseRepository(store.value()).notices(payload->caseId);
            for (const auto &n : notices) {
                if (n.qrPayload == text.trimmed()) {
                    auto parsed = ReceiptDocument::fromJson(n.content);
                    if (parsed) {
                        doc = parsed.value();
                        source = QStringLiteral("the store");
                    }
                }
            }
        }
    }
    if (!doc) {
        out << "(give --document, or --data-dir of the window that issued it, to see what it says)\n";
        return 0;
    }
    if (!payload->vouchesFor(*doc)) {
        err << "rejected: the document from " << source
            << " is not the one this QR was signed for (a field was changed)\n";
        return 1;
    }
    out << "document (" << source << "): " << doc->title() << ", " << doc->applicantName << ' ' << doc->applicantId
        << '\n';
    for (const auto &m : doc->matters)
        out << "  matter: " << m.name << " (" << m.department << ")\n";
    for (const auto &r : doc->received)
        out << "  received: " << r.material << " - " << r.how << '\n';
    for (const auto &m : doc->missing)
        out << "  missing: " << m.material << " - " << m.why << '\n';
    if (doc->promisedDate.isValid())
        out << "  promised by: " << doc->promisedDate.toString(Qt::ISODate) << '\n';
    if (doc->supplementDeadline.isValid())
        out << "  supplement by: " << doc->supplementDeadline.toString(Qt::ISODate) << '\n';
    if (!doc->refusalReason.isEmpty())
        out << "  reason: " << doc->refusalReason << '\n';
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
            QStringLiteral("(--payload TEXT | --png IMAGE) [--keys KEYS.json | --samples] [--data-dir DIR] "
                           "[--document DOC.json]"),
            QStringLiteral("Check a receipt's QR code offline against the published keys and this window's own key "
                           "(--samples: against the sample key), and show what it vouches for."),
            receiptVerify},
    };
}
