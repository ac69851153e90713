#pragma once

#include "onewindow/intake/Party.h"

#include <QByteArray>
#include <QList>
#include <QObject>

namespace ow::ui {

// The widgets' side of the counter devices. The composition (app/client, or a test) connects
// the real drivers — which live on the USB worker thread — to it with queued connections; the
// widgets only ever talk to this object on the GUI thread.
class CounterDevices : public QObject
{
    Q_OBJECT

public:
    enum class State { Absent, Ready, Busy, Error };
    Q_ENUM(State)

    using QObject::QObject;

    // Widgets → devices.
    void requestPrint(const QList<QByteArray> &blocks) { Q_EMIT printRequested(blocks); }
    void requestDemoCard(int index) { Q_EMIT demoCardRequested(index); }

    // Devices → widgets (called by the composition).
    void reportCard(const ow::intake::Party &person, const QString &cardType, bool expired)
    {
        Q_EMIT cardRead(person, cardType, expired);
    }
    void reportPrinted(bool ok, const QString &message) { Q_EMIT printed(ok, message); }
    void reportScan(const QString &text) { Q_EMIT scanned(text); }

    // Demo identities the simulated reader can present ("" when there is no simulated reader).
    QStringList demoCards() const { return m_demoCards; }
    void setDemoCards(const QStringList &names) { m_demoCards = names; }
    bool canPrint() const { return m_canPrint; }
    void setCanPrint(bool can) { m_canPrint = can; }

Q_SIGNALS:
    void printRequested(const QList<QByteArray> &blocks);
    void demoCardRequested(int index);
    void cardRead(const ow::intake::Party &person, const QString &cardType, bool expired);
    void printed(bool ok, const QString &message);
    void scanned(const QString &text);

private:
    QStringList m_demoCards;
    bool m_canPrint = false;
};

} // namespace ow::ui
