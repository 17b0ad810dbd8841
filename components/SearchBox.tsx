import type { Ref } from 'preact';
import { useI18n } from './i18n';

export interface SearchBoxProps {
  value: string;
  inputRef: Ref<HTMLInputElement>;
  onInput: (value: string) => void;
}

export function SearchBox({ value, inputRef, onInput }: SearchBoxProps) {
  const { t } = useI18n();
  return (
    <search class="search-box">
      <label for="faq-search" class="visually-hidden">
        {t('faqSearchLabel')}
      </label>
      <input
        id="faq-search"
        ref={inputRef}
        type="search"
        autoComplete="off"
        spellcheck={false}
        placeholder={t('faqSearchPlaceholder')}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {value && (
        <button type="button" class="search-box__clear" aria-label={t('faqClearSearch')} onClick={() => onInput('')}>
          ×
        </button>
      )}
    </search>
  );
}
