#pragma once

#include "onewindow/checklist/Checklist.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class ChecklistPanel;
}

namespace ow::ui {

// The merged checklist of a case: one line per material with its status, the originals and
// copies to take, which items need it and why; and the live verdict bar. One key marks a line.
class ChecklistPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChecklistPanel(QWidget *parent = nullptr);
    ~ChecklistPanel() override;

    // `collected` says how each received material came in (original, copy, e-licence).
    // `blockers`: why the case cannot be accepted whatever the materials say (an expired card);
    // the verdict bar then says so instead of inviting F5.
    void setChecklist(const checklist::Checklist &checklist, const checklist::Collected &collected,
        const QStringList &questionTexts, const QStringList &blockers = {});
    // What the verdict bar says.
    QString verdictBarText() const;
    // The selected line in full (what its one table line may elide), as shown under the table.
    QString currentLineText() const;
    void clear();
    // Ctrl+L: the keyboard goes to the materials table, on the first line still to collect.
    void focusTable();
    // The id of the selected line ("" if none).
    QString currentMaterial() const;
    void selectMaterial(const QString &id);
    // Marks the selected line, as the keys do.
    void markCurrent(std::optional<checklist::Received> how);

Q_SIGNALS:
    void markRequested(const QString &materialId, std::optional<ow::checklist::Received> how);
    // Keys 1–9 on a marked line: that many pieces came (where the catalogue asks for more than one).
    void countRequested(const QString &materialId, int pieces);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showCurrentLine();
    // maxNames: how many materials the text names (-1: all of them).
    static QString verdictText(const checklist::Checklist &c, const QStringList &questionTexts,
        const QStringList &blockers, int maxNames = -1);
    static bool blocked(const checklist::Checklist &c, const QStringList &blockers);

    std::unique_ptr<Ui::ChecklistPanel> m_ui;
    std::optional<checklist::Checklist> m_checklist;
    checklist::Collected m_collected;
    QStringList m_questionTexts;
    QStringList m_blockers;
};

} // namespace ow::ui
