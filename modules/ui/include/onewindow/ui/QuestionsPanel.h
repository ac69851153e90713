#pragma once

#include "onewindow/catalog/Condition.h"
#include "onewindow/checklist/Checklist.h"

#include <QGroupBox>
#include <QHash>

#include <memory>
#include <optional>

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
    // The acceptance conditions that are text only, below the questions: the clerk confirms
    // each (holds / does not hold); an unconfirmed one is marked like an unanswered question.
    void setConditions(const QList<checklist::TextCondition> &conditions);
    void focusFirstUnanswered();
    // The editor of a question (for tests and keyboard navigation).
    QWidget *editor(const QString &questionId) const;

Q_SIGNALS:
    // `value` is what the clerk picked or typed, as text ("company", "yes", "120"); empty clears.
    void answered(const QString &questionId, const QString &value);
    // The clerk's answer to a text-only condition; nullopt takes the confirmation back.
    void conditionConfirmed(const QString &key, std::optional<bool> holds);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild(const Catalog &catalog);
    void rebuildConditions();

    std::unique_ptr<Ui::QuestionsPanel> m_ui;
    QStringList m_ids;
    QHash<QString, QWidget *> m_editors;
    QStringList m_unanswered;
    QList<checklist::TextCondition> m_conditions;
    QHash<QString, QWidget *> m_conditionEditors;
    QHash<QString, QString> m_texts;
};

} // namespace ow::ui
