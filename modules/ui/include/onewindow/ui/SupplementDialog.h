#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SupplementDialog;
}

namespace ow::intake {
class CaseService;
}

namespace ow::ui {

struct ClientContext;
class ScanPanel;

// The applicant is back with what a department asked for (补正) or a 容缺 line: the clerk picks the
// task, marks how the material came (original, copy), scans it through the scan panel and takes it
// in. The case's log records the visit, the scan and a "supplemented" entry that sync carries to
// the department.
class SupplementDialog : public QDialog
{
    Q_OBJECT

public:
    SupplementDialog(const ClientContext &context, intake::CaseService &service, QWidget *parent = nullptr);
    ~SupplementDialog() override;

    // Picks the task (its id, e.g. "item:<id>"); false when there is no such open task.
    bool selectTask(const QString &taskId);
    ScanPanel *scanPanel() const;
    // Takes the selected task's material in (the Take in button); "" or why not.
    QString takeIn();

Q_SIGNALS:
    void takenIn();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate(); // the texts set in code (LanguageChange)
    void fillTasks();
    void showTask();
    void showDue(); // the selected task's due date
    QString lineId() const; // the scan panel's line of the selected task

    const ClientContext &m_context;
    intake::CaseService &m_service;
    std::unique_ptr<Ui::SupplementDialog> m_ui;
    QString m_sha256; // the scan stored for the selected task (ScanPanel's attach)
    int m_pages = 0;
};

} // namespace ow::ui
