#pragma once

#include "onewindow/catalog/Condition.h"

#include <QGroupBox>
#include <QHash>

#include <memory>

namespace Ui {
class QuestionsPanel;
}

namespace ow {
class Catalog;
}

namespace ow::ui {

// The situation questions of the chosen matter (情形引导): a choice, a number or yes/no each.
// Answers are never guessed: a question starts unanswered.
class QuestionsPanel : public QGroupBox
{
    Q_OBJECT

public:
    explicit QuestionsPanel(QWidget *parent = nullptr);
    ~QuestionsPanel() override;

    // Shows `questionIds` with the current answers; rebuilds only when the list changes, so focus
    // and half-typed numbers survive updates. Unanswered questions that decide something are marked;
    // answers taken from the applicant's document (`fromParty`) say so (来自证件) and stay editable.
    void setQuestions(const Catalog &catalog, const QStringList &questionIds, const Answers &answers,
        const QStringList &unanswered, const QStringList &fromParty = {});
    // The label a question shows (for tests).
    QString labelText(const QString &questionId) const;
    void focusFirstUnanswered();
    // The editor of a question (for tests and keyboard navigation).
    QWidget *editor(const QString &questionId) const;

Q_SIGNALS:
    // `value` is what the clerk picked or typed, as text ("company", "yes", "120"); empty clears.
    void answered(const QString &questionId, const QString &value);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild(const Catalog &catalog);

    std::unique_ptr<Ui::QuestionsPanel> m_ui;
    QStringList m_ids;
    QHash<QString, QWidget *> m_editors;
    QStringList m_unanswered;
    QHash<QString, QString> m_texts;
};

} // namespace ow::ui
