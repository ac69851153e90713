#pragma once

#include "onewindow/intake/Party.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QImage>

#include <memory>
#include <optional>

namespace Ui {
class HandoutDialog;
}

namespace ow::idcard {
struct IdCardData;
}
namespace ow::intake {
class CaseService;
}

namespace ow::ui {

struct ClientContext;
class DocumentView;
class ScanPanel;

// Hand-out (统一出件) of a case whose items are all decided: the collector identified by their card
// (an agent: their card and the applicant's letter of authorisation, scanned), each result and
// each rejected item's decision letter ticked as given, the signed slip printed (ESC/POS) and shown
// as A4; or the dispatch by courier (address, carrier, tracking number) with its slip.
class HandoutDialog : public QDialog
{
    Q_OBJECT

public:
    HandoutDialog(const ClientContext &context, intake::CaseService &service, QWidget *parent = nullptr);
    ~HandoutDialog() override;

    // The collector's card on the reader (also connected to the reader itself).
    void takeCard(const idcard::IdCardData &card);
    void setCollector(const intake::Party &collector);
    ScanPanel *authorisationScan() const;
    // Ticks every item (what a test or the clerk's Ctrl+A does).
    void tickAll();
    void setCourier(bool courier);
    void setDispatch(const QString &recipient, const QString &phone, const QString &address, const QString &carrier,
        const QString &tracking);
    // Hands out or dispatches (the button); "" or why not. Shows and prints the slip.
    QString deliver();
    // The slip's window: shown at once, its paper and A4 previews once drawn (on a worker).
    DocumentView *slipView() const { return m_slipView; }

Q_SIGNALS:
    void delivered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate(); // the texts set in code (LanguageChange)
    void refreshCollector();
    void showSlip();
    void report(const QString &error, const QString &success = {});

    const ClientContext &m_context;
    intake::CaseService &m_service;
    std::unique_ptr<Ui::HandoutDialog> m_ui;
    std::optional<intake::Party> m_collector;
    QString m_authSha256;
    int m_authPages = 0;
    DocumentView *m_slipView = nullptr;
    struct SlipPreview
    {
        QString title;
        QImage paper;
        QByteArray pdf;
        QString error;
    };
    QFutureWatcher<SlipPreview> *m_slipPreview = nullptr;
    QList<QByteArray> m_slipBlocks;
};

} // namespace ow::ui
