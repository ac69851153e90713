#include "onewindow/ui/QuestionsPanel.h"

#include "onewindow/catalog/Catalog.h"
#include "ui_QuestionsPanel.h"

#include <QComboBox>
#include <QDoubleValidator>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>

namespace ow::ui {

QuestionsPanel::QuestionsPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::QuestionsPanel>())
{
    m_ui->setupUi(this);
}

QuestionsPanel::~QuestionsPanel() = default;

QWidget *QuestionsPanel::editor(const QString &questionId) const
{
    return m_editors.value(questionId);
}

void QuestionsPanel::rebuild(const Catalog &catalog)
{
    while (m_ui->questionsLayout->rowCount() > 1)
        m_ui->questionsLayout->removeRow(1);
    m_editors.clear();
    m_texts.clear();
    m_conditionEditors.clear();
    m_ui->emptyLabel->setVisible(m_ids.isEmpty() && m_conditions.isEmpty());
    QWidget *previous = nullptr;
    for (const QString &id : std::as_const(m_ids)) {
        const Question *q = catalog.question(id);
        if (!q)
            continue;
        QWidget *editor = nullptr;
        if (q->type == Question::Type::Number) {
            auto *edit = new QLineEdit(this);
            auto *validator = new QDoubleValidator(0, 1e9, 2, edit);
            validator->setNotation(QDoubleValidator::StandardNotation);
            edit->setValidator(validator);
            edit->setPlaceholderText(q->unit.isEmpty() ? tr("number") : tr("number, in %1").arg(q->unit));
            connect(edit, &QLineEdit::editingFinished, this,
                [this, id, edit] { Q_EMIT answered(id, edit->text().trimmed()); });
            editor = edit;
        } else {
            auto *box = new QComboBox(this);
            box->addItem(tr("— not answered —"), QString());
            if (q->type == Question::Type::YesNo) {
                box->addItem(tr("yes"), QStringLiteral("yes"));
                box->addItem(tr("no"), QStringLiteral("no"));
            } else {
                for (const Question::Option &o : q->options)
                    box->addItem(o.label, o.value);
            }
            connect(box, &QComboBox::activated, this,
                [this, id, box](int index) { Q_EMIT answered(id, box->itemData(index).toString()); });
            editor = box;
        }
        editor->setObjectName(QStringLiteral("answer_") + id);
        editor->setAccessibleName(q->text);
        m_texts.insert(id, q->text);
        auto *label = new QLabel(q->text, this);
        label->setObjectName(QStringLiteral("question_") + id);
        label->setBuddy(editor);
        m_ui->questionsLayout->addRow(label, editor);
        m_editors.insert(id, editor);
        if (previous)
            setTabOrder(previous, editor);
        previous = editor;
    }
    rebuildConditions();
}

void QuestionsPanel::rebuildConditions()
{
    for (QWidget *editor : std::as_const(m_conditionEditors))
        m_ui->questionsLayout->removeRow(editor);
    m_conditionEditors.clear();
    m_ui->emptyLabel->setVisible(m_ids.isEmpty() && m_conditions.isEmpty());
    for (const checklist::TextCondition &c : std::as_const(m_conditions)) {
        auto *box = new QComboBox(this);
        box->addItem(tr("— to confirm —"));
        box->addItem(tr("confirmed: it holds"));
        box->addItem(tr("it does not hold"));
        const QString key = c.key;
        connect(box, &QComboBox::activated, this, [this, key](int index) {
            Q_EMIT conditionConfirmed(key, index == 0 ? std::nullopt : std::optional<bool>(index == 1));
        });
        box->setObjectName(QStringLiteral("confirm_") + c.key);
        box->setAccessibleName(c.text);
        auto *label = new QLabel(tr("Condition (%1): %2").arg(c.matterName, c.text), this);
        label->setObjectName(QStringLiteral("condition_") + c.key);
        label->setWordWrap(true);
        label->setBuddy(box);
        m_ui->questionsLayout->addRow(label, box);
        m_conditionEditors.insert(c.key, box);
    }
}

void QuestionsPanel::setConditions(const QList<checklist::TextCondition> &conditions)
{
    QStringList before;
    for (const checklist::TextCondition &c : std::as_const(m_conditions))
        before << c.key;
    QStringList now;
    for (const checklist::TextCondition &c : conditions)
        now << c.key;
    m_conditions = conditions;
    if (before != now)
        rebuildConditions();
    for (const checklist::TextCondition &c : conditions) {
        auto *box = qobject_cast<QComboBox *>(m_conditionEditors.value(c.key));
        if (!box)
            continue;
        box->setCurrentIndex(!c.confirmed ? 0 : c.holds ? 1 : 2);
        if (auto *label = qobject_cast<QLabel *>(m_ui->questionsLayout->labelForField(box))) {
            QFont f = label->font();
            f.setBold(!c.confirmed);
            label->setFont(f);
            label->setStyleSheet(!c.confirmed ? QStringLiteral("color:#35506b;") : QString());
        }
    }
}

QString QuestionsPanel::labelText(const QString &questionId) const
{
    const auto *label = qobject_cast<QLabel *>(m_ui->questionsLayout->labelForField(m_editors.value(questionId)));
    return label ? label->text() : QString();
}

void QuestionsPanel::setQuestions(const Catalog &catalog, const QStringList &questionIds, const Answers &answers,
    const QStringList &unanswered, const QStringList &fromParty)
{
    if (questionIds != m_ids) {
        m_ids = questionIds;
        rebuild(catalog);
    }
    m_unanswered = unanswered;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        const QVariant value = answers.value(it.key());
        if (auto *edit = qobject_cast<QLineEdit *>(it.value())) {
            if (!edit->hasFocus())
                edit->setText(value.isValid() ? QLocale::c().toString(value.toDouble(), 'g', 12) : QString());
        } else if (auto *box = qobject_cast<QComboBox *>(it.value())) {
            QString key;
            if (value.typeId() == QMetaType::Bool)
                key = value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
            else if (value.isValid())
                key = value.toString();
            box->setCurrentIndex(std::max(0, box->findData(key)));
        }
        if (auto *label = qobject_cast<QLabel *>(m_ui->questionsLayout->labelForField(it.value()))) {
            QFont f = label->font();
            f.setBold(unanswered.contains(it.key()));
            label->setFont(f);
            label->setStyleSheet(unanswered.contains(it.key()) ? QStringLiteral("color:#35506b;") : QString());
            const QString text = m_texts.value(it.key());
            label->setText(fromParty.contains(it.key()) ? tr("%1 (from the document)").arg(text) : text);
            label->setToolTip(fromParty.contains(it.key())
                    ? tr("Filled in from the applicant's ID card or credit code; change it if it is wrong.")
                    : QString());
        }
    }
}

void QuestionsPanel::focusFirstUnanswered()
{
    if (m_unanswered.isEmpty()) {
        for (const checklist::TextCondition &c : std::as_const(m_conditions)) {
            if (!c.confirmed) {
                if (QWidget *e = m_conditionEditors.value(c.key)) {
                    e->setFocus(Qt::ShortcutFocusReason);
                    return;
                }
            }
        }
    }
    for (const QString &id : std::as_const(m_ids)) {
        if (m_unanswered.contains(id) || m_unanswered.isEmpty()) {
            if (QWidget *e = m_editors.value(id)) {
                e->setFocus(Qt::ShortcutFocusReason);
                return;
            }
        }
    }
}

void QuestionsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QGroupBox::changeEvent(event);
}

} // namespace ow::ui
