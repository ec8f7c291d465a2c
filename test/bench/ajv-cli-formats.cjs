// ajv-cli's custom module (-c) for the many-files benchmark: the study schema's formats (date and
// uri from ajv-formats, our partial-date by its pattern), so that ajv-cli checks what we check.
const { fullFormats } = require('ajv-formats/dist/formats');

module.exports = (ajv) => {
  ajv.addFormat('date', fullFormats.date);
  ajv.addFormat('uri', fullFormats.uri);
  ajv.addFormat('partial-date', /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/);
  return ajv;
};
