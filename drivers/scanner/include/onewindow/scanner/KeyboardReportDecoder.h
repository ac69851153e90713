#pragma once

#include "onewindow/core/Result.h"
#include "onewindow/scanner/Scan.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace ow::scanner {

// Decodes the 8-byte HID boot keyboard input reports of a keyboard-wedge scanner into scans.
//
// Report: byte 0 modifier bitmap, byte 1 reserved, bytes 2..7 up to six pressed usage ids.
// US layout with Shift. A key counts when it appears in a report and was not down in the
// previous one, so a key held over several reports types once, a released and pressed again
// key types twice ("11"), and a new key arriving while the previous is still down (rollover)
// types at once. Reports whose key slots all read 0x01 (phantom / rollover error) are ignored.
// Enter (and keypad Enter) ends a scan; Tab too unless switched off. Alt + keypad digits
// (Windows Alt codes, the way some scanners try to "type" Chinese) are decoded: a value below
// 256 is a Latin-1 character, a larger value is a double-byte GBK/GB18030 code.
class KeyboardReportDecoder
{
public:
    static constexpr int ReportSize = 8;
    static constexpr int MaxScanLength = 8192;

    void setTabTerminates(bool on) { m_tabTerminates = on; }
    // Scanners can be set to send the AIM symbology identifier first ("]Q1…"): strip and report it.
    void setAimPrefix(bool on) { m_aimPrefix = on; }

    // The reports a US-layout keyboard-wedge scanner sends for text (press and release per
    // character, then Enter), used by the simulator and the tests. Characters a US keyboard
    // cannot type are skipped.
    static QList<QByteArray> encode(const QString &text, bool withEnter = true);

    // Feeds one input report. Returns the scans it completed (usually none or one).
    Result<QList<Scan>> feed(QByteArrayView report);
    // Characters typed since the last terminator.
    QString pending() const { return m_buffer; }
    void reset();

private:
    void flushAltCode();
    void appendChar(QChar c);
    Scan finish();

    QList<quint8> m_down;
    QString m_buffer;
    QString m_altDigits;
    bool m_altHeld = false;
    bool m_overflow = false;
    bool m_tabTerminates = true;
    bool m_aimPrefix = false;
};

} // namespace ow::scanner
