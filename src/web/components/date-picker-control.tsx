import { DatePicker, type DatePickerProps } from 'antd';

/** Ant Design's date picker on its own module, so that a page can load it lazily (DeferredControl). */
export default function DatePickerControl(props: DatePickerProps) {
  return <DatePicker {...props} />;
}
