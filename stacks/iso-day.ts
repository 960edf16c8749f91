/** Calendar days as ISO text (YYYY-MM-DD): the components' parser, re-exported for the CLI and the program. */
export { isoDayOf, parseIsoDay } from "../components/common/iso-day";
