#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class CasesPage;
}

namespace ow::store {
struct CaseRecord;
}

namespace ow::ui {

struct ClientContext;
class CaseListModel;
class CaseTimelineDialog;
class DocumentView;

// The window's cases (案件): loaded when the section is first shown, a page at a time as the
// list scrolls; the visit count of each case; a decided case's document shown and printed again.
class CasesPage : public QWidget
{
    Q_OBJECT

public:
    explicit CasesPage(const ClientContext &context, QWidget *parent = nullptr);
    ~CasesPage() override;

    int caseCount() const; // rows loaded so far
    CaseListModel *model() const { return m_model; }
    // The reprint of the selected case (also the Reprint button); "" or why not.
    QString reprintSelected();
    QString reprint(const QString &caseId);
    // The selected case's window: its timeline, items, supplements and hand-out (double-click,
    // Enter, the context menu); "" or why not.
    QString openSelected();
    QString openCase(const QString &caseId);
    CaseTimelineDialog *timeline() const { return m_timeline; }
    // What the clerk typed or scanned into the search: a case number (or its beginning), an exact
    // ID number or credit code, or a receipt's or notice's QR (checked: a forged one is refused
    // with the reason, a genuine one opens its case).
    void find(const QString &text);
    QString message() const;
    // The reprint window, once opened (tests look at it).
    DocumentView *reprintView() const { return m_reprintView; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    void updateButtons(); // and the selected case's detail (heldLabel)
    void report(const QString &error, const QString &success = {});
    void contextMenu(const QPoint &at);
    const store::CaseRecord *selected() const;

    const ClientContext &m_context;
    std::unique_ptr<Ui::CasesPage> m_ui;
    CaseListModel *m_model = nullptr;
    DocumentView *m_reprintView = nullptr;
    CaseTimelineDialog *m_timeline = nullptr;
    QList<QByteArray> m_reprintBlocks;
};

} // namespace ow::ui
