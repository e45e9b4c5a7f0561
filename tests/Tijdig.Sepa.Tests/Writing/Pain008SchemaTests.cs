using System.Xml;
using System.Xml.Schema;
using Tijdig.Sepa.Writing;

namespace Tijdig.Sepa.Tests.Writing;

public class Pain008SchemaTests
{
    [Theory]
    [InlineData(Pain008Version.V02, "pain.008.001.02.xsd")]
    [InlineData(Pain008Version.V08, "pain.008.001.08.xsd")]
    public void Write_OutputIsValidAgainstXsd(Pain008Version version, string schemaFile)
    {
        using var output = new MemoryStream();
        Pain008Writer.Write(output, Batches.Mixed(), version);

        var errors = Validate(output.ToArray(), SharedFiles.Path("schemas", "iso20022", schemaFile));

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(Pain008Version.V02, "pain.008.001.02.xsd")]
    [InlineData(Pain008Version.V08, "pain.008.001.08.xsd")]
    public void Write_ValidationCatchesBrokenOutput(Pain008Version version, string schemaFile)
    {
        using var output = new MemoryStream();
        Pain008Writer.Write(output, Batches.Mixed(), version);
        var broken = System.Text.Encoding.UTF8.GetString(output.ToArray()).Replace("<PmtMtd>DD</PmtMtd>", "<PmtMtd>XX</PmtMtd>", StringComparison.Ordinal);

        var errors = Validate(System.Text.Encoding.UTF8.GetBytes(broken), SharedFiles.Path("schemas", "iso20022", schemaFile));

        Assert.NotEmpty(errors);
    }

    private static List<string> Validate(byte[] xml, string schemaPath)
    {
        var schemas = new XmlSchemaSet();
        using (var schemaReader = XmlReader.Create(schemaPath, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            schemas.Add(null, schemaReader);
        }

        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
