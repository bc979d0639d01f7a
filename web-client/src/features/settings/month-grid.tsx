import { Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context';
import { isWeekend, kindOf, monthWeeks, type CalendarDraft } from './work-calendar-days';

const cellStyle = { width: 32, height: 30, padding: 0, border: 'none', borderRadius: 4, cursor: 'pointer', font: 'inherit' } as const;

/** One month, Monday first; each day is a button that cycles its kind. */
export function MonthGrid({
  year,
  month,
  draft,
  onToggle,
}: {
  year: number;
  month: number;
  draft: CalendarDraft;
  onToggle: (day: string) => void;
}) {
  const { t } = useI18n();
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <div>
      <Typography.Text strong>{t('calendar.month', { month })}</Typography.Text>
      <table style={{ borderCollapse: 'separate', borderSpacing: 2 }}>
        <thead>
          <tr>
            {weekdays.map((name) => (
              <th key={name} scope="col" style={{ fontWeight: 'normal', fontSize: 12, color: '#595959' }}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week) => (
            <tr key={week.find(Boolean) ?? ''}>
              {week.map((day, index) => {
                if (!day) return <td key={`pad-${String(index)}`} />;
                const kind = kindOf(draft, day);
                const rest = kind === 'holiday' || (kind === null && isWeekend(day));
                const label =
                  kind === 'holiday'
                    ? t('calendar.holidays')
                    : kind === 'makeUp'
                      ? t('calendar.makeUpWorkdays')
                      : rest
                        ? t('calendar.restday')
                        : t('calendar.workday');
                const mark = kind === 'holiday' ? t('calendar.holidayShort') : kind === 'makeUp' ? t('calendar.makeUpShort') : null;
                const date = String(Number(day.slice(8)));
                return (
                  <td key={day}>
                    <button
                      type="button"
                      // The name starts with what the cell shows, so that it can be spoken to select it.
                      aria-label={t('calendar.dayLabel', { shown: mark ? `${date} ${mark}` : date, day, kind: label })}
                      aria-pressed={kind !== null}
                      onClick={() => onToggle(day)}
                      style={{
                        ...cellStyle,
                        background: kind === 'holiday' ? '#ffccc7' : kind === 'makeUp' ? '#bae0ff' : 'transparent',
                        color: rest ? '#a8071a' : undefined,
                        fontWeight: kind ? 600 : undefined,
                      }}
                    >
                      {date}
                      {mark ? <sup style={{ fontSize: 9 }}> {mark}</sup> : null}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
