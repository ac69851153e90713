#include "ReceiptCommands.h"

#include "onewindow/core/Masking.h"
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

ReceiptDocument demoDocument(DocumentKind kind)
{
    ReceiptDocument d;
    d.kind = kind;
    d.office = QStringLiteral("杭州市西湖区行政服务中心");
    d.caseId = QStringLiteral("0b8f3c1e-5a7d-4e2b-9c61-8d2f4a6b1c30");
    d.caseNumber = QStringLiteral("330106-W03-20261127-0001");
    d.applicantName = ow::masking::name(QStringLiteral("王小明"));
    d.applicantId = ow::masking::idNumber(QStringLiteral("33010619900101123X"));
    d.matters = {{QStringLiteral("设立登记（个体工商户）"), QStringLiteral("市场监督管理局")},
        {QStringLiteral("食品经营许可"), QStringLiteral("市场监督管理局")},
        {QStringLiteral("公众聚集场所投入使用、营业前消防安全检查"), QStringLiteral("消防救援大队")}};
    d.received = {{QStringLiteral("申请人身份证明"), QStringLiteral("原件核验后退还，留存复印件 1 份")},
        {QStringLiteral("食品经营许可申请书"), QStringLiteral("收原件 1 份")}};
    if (kind != DocumentKind::Receipt)
        d.missing = {
            {QStringLiteral("经营场所使用证明（房屋租赁合同）"), QStringLiteral("设立登记、食品经营许可：证明经营场所"),
                QStringLiteral("原件核验，留存复印件 2 份"), kind == DocumentKind::ToleratedNotice},
            {QStringLiteral("消防设施平面图"), QStringLiteral("消防安全检查：场所面积 ≥ 50 m²"),
                QStringLiteral("收原件 1 份，须加盖设计单位公章"), false}};
    d.promisedDate = QDate(2026, 12, 11);
    d.supplementDeadline = QDate(2026, 12, 4);
    d.refusalReason = QStringLiteral("申请人不具备申请资格：经营场所位于居民住宅楼内，不符合食品经营许可条件。");
    d.window = QStringLiteral("综合窗口 3");
    d.clerk = ow::masking::name(QStringLiteral("李建华"));
    d.issuedAt = QDateTime(QDate(2026, 11, 27), QTime(10, 15));
    d.contact = QStringLiteral("0571-12345");
    return d;
}

int receiptSample(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QHash<QString, QString> o;
    if (!parseOptions(args,
                      {QStringLiteral("--kind"), QStringLiteral("--pdf"), QStringLiteral("--escpos"),
                       QStringLiteral("--printer"), QStringLiteral("--data-dir")},
                      o, err))
        return 2;
    const QHash<QString, DocumentKind> kinds = {{QStringLiteral("receipt"), DocumentKind::Receipt},
        {QStringLiteral("notice"), DocumentKind::OneTimeNotice},
        {QStringLiteral("tolerated"), DocumentKind::ToleratedNotice},
        {QStringLiteral("refusal"), DocumentKind::RefusalNotice}};
    const QString kindName = o.value(QStringLiteral("--kind"), QStringLiteral("receipt"));
    if (!kinds.contains(kindName) || (!o.contains(QStringLiteral("--pdf")) && !o.contains(QStringLiteral("--escpos")))) {
        err << "usage: onewindow-tool receipt sample --kind receipt|notice|tolerated|refusal"
               " [--escpos OUT.bin [--printer PROFILE]] [--pdf OUT.pdf] [--data-dir DIR]\n";
        return 2;
    }
    bool knownProfile = true;
    const auto profile = ow::printer::PrinterProfile::byId(o.value(QStringLiteral("--printer"), QStringLiteral("generic-58")),
                                                           &knownProfile);
    if (!knownProfile) {
        err << "unknown printer profile " << o.value(QStringLiteral("--printer")) << '\n';
        return 2;
    }
    ReceiptDocument doc = demoDocument(kinds.value(kindName));
    auto key = WindowKey::loadOrCreate(keysDir(o), QStringLiteral("330106-W03"));
    if (!key) {
        err << key.error() << '\n';
        return 1;
    }
    QrPayload payload;
    payload.kind = ReceiptDocument::kindCode(doc.kind);
    payload.caseId = doc.caseId;
    payload.caseNumber = doc.caseNumber;
    payload.issued = doc.issuedAt.date();
    payload.keyId = key->keyId();
    payload.signature = key->sign(payload.signedPart()).value();
    doc.qrPayload = payload.encode();

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
        err << "rejected: " << payload.error() << '\n';
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
        {QStringLiteral("receipt sample"), QStringLiteral("--kind receipt|notice|tolerated|refusal [--escpos OUT.bin] [--pdf OUT.pdf]"),
            QStringLiteral("Write a document of the built-in demo case, signed with this window's key."),
            receiptSample},
        {QStringLiteral("receipt verify"), QStringLiteral("(--payload TEXT | --png IMAGE) [--keys KEYS.json]"),
            QStringLiteral("Check a receipt's QR code offline against the known window keys."), receiptVerify},
    };
}
