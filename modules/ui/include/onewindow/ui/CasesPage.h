#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class CasesPage;
}

namespace ow::ui {

struct ClientContext;
class CaseListModel;
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
    // The reprint window, once opened (tests look at it).
    DocumentView *reprintView() const { return m_reprintView; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    void updateButtons(); // and the selected case's detail (heldLabel)
    void report(const QString &error, const QString &success = {});

    const ClientContext &m_context;
    std::unique_ptr<Ui::CasesPage> m_ui;
    CaseListModel *m_model = nullptr;
    DocumentView *m_reprintView = nullptr;
    QList<QByteArray> m_reprintBlocks;
};

} // namespace ow::ui
