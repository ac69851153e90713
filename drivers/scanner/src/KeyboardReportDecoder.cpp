#include "onewindow/scanner/KeyboardReportDecoder.h"

#include "onewindow/scanner/ScanText.h"
#include "onewindow/scanner/Symbology.h"

#include <QCoreApplication>

namespace ow::scanner {

namespace {

constexpr quint8 ModLeftCtrl = 0x01, ModLeftShift = 0x02, ModLeftAlt = 0x04, ModLeftGui = 0x08;
constexpr quint8 ModRightCtrl = 0x10, ModRightShift = 0x20, ModRightAlt = 0x40, ModRightGui = 0x80;
constexpr quint8 KeyEnter = 0x28, KeyTab = 0x2B, KeyKeypadEnter = 0x58;
constexpr quint8 KeyErrorRollOver = 0x01;

// US layout: unshifted and shifted characters for usages 0x1E..0x38.
constexpr char Digits[] = "1234567890";
constexpr char DigitsShifted[] = "!@#$%^&*()";
constexpr char Symbols[] = " -=[]\\#;'`,./"; // 0x2C..0x38 (0x32 is the non-US '#')
constexpr char SymbolsShifted[] = " _+{}|~:\"~<>?";

// The character a usage types, or a null QChar.
QChar usageChar(quint8 usage, bool shift)
{
    if (usage >= 0x04 && usage <= 0x1D)
        return QChar(char16_t((shift ? u'A' : u'a') + (usage - 0x04)));
    if (usage >= 0x1E && usage <= 0x27)
        return QChar::fromLatin1((shift ? DigitsShifted : Digits)[usage - 0x1E]);
    if (usage >= 0x2C && usage <= 0x38)
        return QChar::fromLatin1((shift ? SymbolsShifted : Symbols)[usage - 0x2C]);
    switch (usage) {
    case 0x54: return QChar(u'/'); // keypad
    case 0x55: return QChar(u'*');
    case 0x56: return QChar(u'-');
    case 0x57: return QChar(u'+');
    case 0x63: return QChar(u'.');
    default: break;
    }
    if (usage >= 0x59 && usage <= 0x62) // keypad 1..9, 0
        return QChar::fromLatin1(Digits[usage - 0x59]);
    return {};
}

int keypadDigit(quint8 usage)
{
    if (usage >= 0x59 && usage <= 0x61)
        return usage - 0x59 + 1;
    if (usage == 0x62)
        return 0;
    return -1;
}

} // namespace

QList<QByteArray> KeyboardReportDecoder::encode(const QString &text, bool withEnter)
{
    QList<QByteArray> reports;
    const auto press = [&](quint8 usage, bool shift) {
        QByteArray r(ReportSize, '\0');
        r[0] = char(shift ? ModLeftShift : 0);
        r[2] = char(usage);
        reports.append(r);
        reports.append(QByteArray(ReportSize, '\0'));
    };
    for (QChar c : text) {
        bool found = false;
        for (quint8 usage = 0x04; usage <= 0x38 && !found; ++usage) {
            if (usage == 0x28 || usage == 0x29 || usage == 0x2A || usage == 0x32)
                continue; // Enter, Escape, Backspace, non-US '#'
            for (bool shift : {false, true}) {
                const QChar typed = usage == KeyTab ? QChar(u'\t') : usageChar(usage, shift);
                if (!typed.isNull() && typed == c && !(usage == KeyTab && shift)) {
                    press(usage, shift);
                    found = true;
                    break;
                }
            }
        }
    }
    if (withEnter)
        press(KeyEnter, false);
    return reports;
}

void KeyboardReportDecoder::reset()
{
    m_down.clear();
    m_buffer.clear();
    m_altDigits.clear();
    m_altHeld = false;
    m_overflow = false;
}

void KeyboardReportDecoder::appendChar(QChar c)
{
    if (m_buffer.size() >= MaxScanLength) {
        m_overflow = true;
        return;
    }
    m_buffer.append(c);
}

void KeyboardReportDecoder::flushAltCode()
{
    if (m_altDigits.isEmpty())
        return;
    bool ok = false;
    const uint value = m_altDigits.toUInt(&ok);
    m_altDigits.clear();
    if (!ok || value == 0)
        return;
    if (value < 256) {
        appendChar(QChar(char16_t(value)));
        return;
    }
    if (value > 0xFFFF)
        return;
    const char bytes[2] = {char(value >> 8), char(value & 0xFF)};
    bool gbOk = false;
    const QString text = ScanText::decodeGb18030(QByteArrayView(bytes, 2), &gbOk);
    if (gbOk) {
        for (QChar c : text)
            appendChar(c);
    }
}

Scan KeyboardReportDecoder::finish()
{
    Scan scan;
    scan.source = ScanSource::KeyboardWedge;
    scan.encoding = TextEncoding::Keyboard;
    QString text = m_buffer;
    m_buffer.clear();
    m_overflow = false;
    if (m_aimPrefix && Symbology::startsWithAimId(text.left(3).toLatin1())) {
        scan.aimId = text.left(3);
        scan.symbology = Symbology::fromAimId(scan.aimId);
        text = text.mid(3);
    }
    scan.text = text;
    scan.raw = text.toUtf8();
    return scan;
}

Result<QList<Scan>> KeyboardReportDecoder::feed(QByteArrayView report)
{
    if (report.size() != ReportSize) {
        return Result<QList<Scan>>::failure(QCoreApplication::translate(
            "ow::scanner::KeyboardReportDecoder", "A keyboard report has %1 bytes, expected %2.")
                                                .arg(report.size())
                                                .arg(ReportSize));
    }
    QList<Scan> scans;
    const auto modifiers = static_cast<quint8>(report.at(0));
    QList<quint8> keys;
    bool rollOver = true;
    for (int i = 2; i < ReportSize; ++i) {
        const auto usage = static_cast<quint8>(report.at(i));
        if (usage != KeyErrorRollOver)
            rollOver = false;
        if (usage != 0 && usage != KeyErrorRollOver && !keys.contains(usage))
            keys.append(usage);
    }
    if (rollOver)
        return scans; // "too many keys": the key state is unknown, keep the previous one

    const bool shift = modifiers & (ModLeftShift | ModRightShift);
    const bool alt = modifiers & (ModLeftAlt | ModRightAlt);
    const bool control = modifiers & (ModLeftCtrl | ModRightCtrl | ModLeftGui | ModRightGui);
    if (m_altHeld && !alt)
        flushAltCode();
    m_altHeld = alt;

    for (quint8 usage : keys) {
        if (m_down.contains(usage))
            continue; // still held from the previous report
        if (alt) {
            const int digit = keypadDigit(usage);
            if (digit >= 0 && m_altDigits.size() < 6)
                m_altDigits.append(QChar(char16_t(u'0' + digit)));
            continue;
        }
        if (usage == KeyEnter || usage == KeyKeypadEnter || (usage == KeyTab && m_tabTerminates)) {
            if (!m_buffer.isEmpty() && !m_overflow)
                scans.append(finish());
            m_buffer.clear();
            m_overflow = false;
            continue;
        }
        if (control)
            continue; // Ctrl/GUI shortcuts type nothing
        const QChar c = usage == KeyTab ? QChar(u'\t') : usageChar(usage, shift);
        if (!c.isNull())
            appendChar(c);
    }
    m_down = keys;
    return scans;
}

} // namespace ow::scanner
