#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>

namespace ow::ui {

// The widgets' side of the receipt printer and the barcode scanner. The composition (app/client,
// or a test) connects the real drivers — which live on the USB worker thread — to it with queued
// connections; the widgets only ever talk to this object on the GUI thread. (The ID card reader
// is attached directly: see ClientContext::cardReader and IdentityPanel.)
class CounterDevices : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Widgets → devices.
    void requestPrint(const QList<QByteArray> &blocks) { Q_EMIT printRequested(blocks); }

    // Devices → widgets (called by the composition).
    void reportPrinted(bool ok, const QString &message) { Q_EMIT printed(ok, message); }
    void reportScan(const QString &text) { Q_EMIT scanned(text); }

    bool canPrint() const { return m_canPrint; }
    void setCanPrint(bool can) { m_canPrint = can; }

Q_SIGNALS:
    void printRequested(const QList<QByteArray> &blocks);
    void printed(bool ok, const QString &message);
    void scanned(const QString &text);

private:
    bool m_canPrint = false;
};

} // namespace ow::ui
